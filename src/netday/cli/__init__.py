"""The command line: argument parsing and output; opens the TUI or calls services."""
