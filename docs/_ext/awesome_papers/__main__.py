"""``python -m awesome_papers``."""

from .cli import main

raise SystemExit(main())
