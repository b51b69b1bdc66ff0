"""A Rich progress bar for crawls: pages, items, and time left on a rate-limit wait."""

from __future__ import annotations

from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from commands._common import err_console


class RichObserver:
    """Implements audience.crawl.CrawlObserver on a Rich Progress drawn on stderr."""

    def __init__(self) -> None:
        self.progress = Progress(
            SpinnerColumn(),
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("pages · {task.fields[items]:,} items"),
            TextColumn("[yellow]{task.fields[note]}"),
            TimeElapsedColumn(),
            console=err_console.real(),
            transient=False,
        )
        self._tasks: dict[str, int] = {}
        self._current: str | None = None

    def __enter__(self) -> RichObserver:
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()

    def planned(self, plan) -> None:
        err_console.print(f"[bold]Plan:[/] {plan.describe()}")

    def job_started(self, job: str, label: str, expected_pages: int | None) -> None:
        if job not in self._tasks:
            self._tasks[job] = self.progress.add_task(label, total=expected_pages, items=0, note="")
        self._current = job

    def page_done(self, job: str, items: int) -> None:
        task = self._tasks[job]
        done = self.progress.tasks[task].fields["items"] + items
        self.progress.update(task, advance=1, items=done, note="")

    def waiting(self, seconds: float, reason: str) -> None:
        if self._current is None:
            err_console.print(f"[yellow]waiting {seconds:.0f}s: {reason}[/]")
            return
        minutes, secs = divmod(int(seconds), 60)
        self.progress.update(
            self._tasks[self._current], note=f"{reason}; resuming in {minutes}m{secs:02d}s"
        )
