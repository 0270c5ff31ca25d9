"""`python -m bench` runs every benchmark in this folder and prints its figures."""

import importlib
import pkgutil
from pathlib import Path

for module in pkgutil.iter_modules([str(Path(__file__).parent)]):
    if module.name.startswith("bench_"):
        print(f"== {module.name}")
        importlib.import_module(f"bench.{module.name}").main()
