"""The command line, one module a command; `main` parses and runs them."""
