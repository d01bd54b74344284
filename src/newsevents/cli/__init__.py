"""The command line: thin adapters over the library API, one module per command group."""
