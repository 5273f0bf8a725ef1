"""The engine's version and home, a leaf every layer may import (``__init__`` re-exports it)."""

__version__ = "0.1.0"
#: Where the engine lives: ``init`` installs it from here, and schema hints point here.
ENGINE = "https://github.com/opendilab/awesome-multi-modal-reinforcement-learning"
