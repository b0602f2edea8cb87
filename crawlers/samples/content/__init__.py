"""Hand-written building blocks of the sample sources and the code that turns them into JSON.

Run `python -m crawlers.samples.build_samples` to regenerate `crawlers/samples/data/`. The output is
deterministic: the same blocks always give byte-identical files.
"""
