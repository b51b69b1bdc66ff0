"""Help text in the usual command-line shape: ``Usage: audience import contacts [OPTIONS]
FILES...`` and ``--source TEXT``, not Typer's ``{files}...``, ``<list[Path]>`` and ``<str>``."""

from __future__ import annotations

from typing import Any

from typer.core import TyperArgument, TyperGroup

_TYPE_NAMES = {"str": "TEXT", "int": "INTEGER", "float": "NUMBER", "path": "PATH"}


class PlainArgument(TyperArgument):
    """An argument shown as ``FILES...`` (or ``[TOPICS]...`` when optional)."""

    def _usage_display_name(self) -> str:
        name = self.display_name_raw
        return name if self.required else f"[{name}]"

    def _rich_display_name(self) -> str:
        return self.display_name_raw

    def display_type_rich(self, ctx: Any) -> str | None:
        return None


class PlainHelpGroup(TyperGroup):
    """The root group: gives every parameter below it a conventional metavar."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        plain_metavars(self)


def plain_metavars(group: Any) -> None:
    for command in getattr(group, "commands", {}).values():
        if hasattr(command, "commands"):
            plain_metavars(command)
        for param in command.params:
            _plain(param)


def _plain(param: Any) -> None:
    if param.metavar is not None:
        return
    if isinstance(param, TyperArgument):
        param.__class__ = PlainArgument
        name = (param.name or "value").upper()
        param.metavar = f"{name}..." if param.nargs != 1 else name
        return
    if getattr(param, "is_flag", False) or getattr(param, "count", False):
        return
    desc = param.type_descriptor
    if desc.is_choice:
        param.metavar = "[" + "|".join(str(c) for c in desc.choices or ()) + "]"
        return
    label = param.display_type(None).strip("<>").lower()  # "str", "list[path]", "int range"
    label = label.removeprefix("list[").removesuffix("]").removesuffix(" range")
    param.metavar = _TYPE_NAMES.get(label, label.upper())
