//! A generator of realistic synthetic regulations, deterministic from a seed.
