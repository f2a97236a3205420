import sys

from kimdesk.cli.main import main

sys.exit(main())
