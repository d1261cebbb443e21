//! Emitters: each reads the verified model and writes one format. None re-parses a source or
//! re-derives what the model knows (worst paths, totals, effective deadlines).
