//! Running a regulation: the model compiled into a state machine, driven on a calendar.
