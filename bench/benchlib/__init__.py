"""The bench harness's modules (bench/run.py is the entry point)."""
