"""``Record``: the base of the small value classes the command line loads.

A ``@dataclass`` compiles its ``__init__``, ``__repr__``, ``__eq__`` (and,
frozen, ``__setattr__``, ``__delattr__`` and ``__hash__``) from generated
source when its module is imported: about 0.4 ms a class, which for the two
dozen classes ``syntaqlite fmt -`` loads was a fifth of its start-up, and
importing ``dataclasses`` loads ``inspect``.  A record writes its
``__init__`` by hand (compiled once into the ``.pyc``, like any function)
and takes equality, hashing, ``repr`` and :meth:`replace` from here, over
the fields its ``__slots__`` names, in that order.  A slot whose name starts with ``_`` is not a field (a
cache, or ``"__dict__"`` for ``cached_property``): ``__init__`` does not
take it and the methods here ignore it.  Records live in modules mypyc does not compile: a compiled class
does not keep its ``__slots__`` attribute, which these methods read.

Records are values: nothing assigns to a record's field after ``__init__``
(the equivalent of ``frozen=True``; mypy's ``Final`` is not used because
mypyc compiles some of these modules).  A field left out of comparison
(a function, say) is named in ``_uncompared``.
"""

from __future__ import annotations

from typing import Any, ClassVar, Self


class Record:
    __slots__ = ()
    _uncompared: ClassVar[frozenset[str]] = frozenset()

    def _fields(self) -> tuple[str, ...]:
        slots: tuple[str, ...] = self.__slots__
        return tuple(name for name in slots if name[0] != "_")

    def _values(self) -> tuple[object, ...]:
        skip = self._uncompared
        return tuple(getattr(self, name) for name in self._fields() if name not in skip)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Record)
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields())
        return f"{self.__class__.__qualname__}({fields})"

    def replace(self, **changes: Any) -> Self:
        """A copy with the fields ``changes`` names set (through
        ``__init__``, so its checks run)."""
        values = {name: getattr(self, name) for name in self._fields()}
        unknown = set(changes) - values.keys()
        if unknown:
            raise TypeError(f"{self.__class__.__name__} has no field {sorted(unknown)[0]!r}")
        values.update(changes)
        return self.__class__(**values)
