"""`python -m newsevents` runs the command line."""

from newsevents.cli.main import main

if __name__ == "__main__":
    main()
