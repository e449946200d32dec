"""The `samling` console command.

Plain-Python commands (the programme importer and the group allocator) run without starting
Django, so they stay fast; everything else is a Django management command.
"""

import os
import sys

PLAIN_COMMANDS = {
    "import-programme": "samling.programme.importer.cli",
    "allocate-groups": "samling.groups.allocator.cli",
}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    if len(argv) > 1 and argv[1] in PLAIN_COMMANDS:
        from importlib import import_module

        module = import_module(PLAIN_COMMANDS[argv[1]])
        return module.main(argv[2:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samling.settings")
    from django.core.management import execute_from_command_line

    if len(argv) == 1:
        argv.append("help")
    argv[0] = "samling"
    execute_from_command_line(argv)
    return 0


if __name__ == "__main__":
    sys.exit(main())
