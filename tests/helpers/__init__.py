"""Helpers shared by the test modules, imported as ``tests.helpers.<name>``.

* :mod:`.oracle` -- brute-force Dung semantics for small frameworks;
* :mod:`.hostile` -- maps full of markup-breaking text and SVG inspection;
* :mod:`.maps` -- test data paths and map equality for round trips;
* :mod:`.answers` -- the ICCMA answer files and natural sorting;
* :mod:`.cli` -- the one way to run the command line in a test.
"""
