"""HTTP routes: thin functions that parse input, call one function and pick a template or JSON."""
