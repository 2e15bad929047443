#!/usr/bin/env python
"""The Django peer's manage.py (bench/benchlib/peer.py runs `migrate` with it)."""
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peer.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
