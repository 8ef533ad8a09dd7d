"""``python -m sitroom``: the same as the ``sitroom`` command."""

from sitroom.cli import main

if __name__ == "__main__":
    main()
