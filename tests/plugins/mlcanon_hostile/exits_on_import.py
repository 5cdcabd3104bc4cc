"""Misbehaviour: importing the plugin calls ``sys.exit``."""

import sys

sys.exit(3)
