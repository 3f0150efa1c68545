"""tracer: where did this story really come from?"""

__version__ = "0.1.0"
