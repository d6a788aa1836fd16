import sys

from scripts.commands.cli import main

sys.exit(main())
