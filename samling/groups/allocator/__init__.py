"""Group-discussion allocator: split a meeting's participants into discussion groups.

Plain Python with no Django import, so the CLI starts fast and the organiser screen can call
it directly. See docs/groups.md for the rules, the algorithm and the JSON format.
"""

from .allocation import allocate
from .model import AllocationError

__all__ = ["AllocationError", "allocate"]
