"""The test suite; its modules mirror the package: ``test_<package>_<module>[_<aspect>].py``."""
