# -*- Python -*-
# lit configuration of the Quench GoogleTest unit tests: every binary named
# *Tests under build/test/Unit, each test case counted on its own.

import os

import lit.formats

config.name = "Quench-Unit"
config.suffixes = []
config.test_exec_root = os.path.join(config.quench_obj_root, "test", "Unit")
config.test_source_root = config.test_exec_root
config.test_format = lit.formats.GoogleTest(".", "Tests")
