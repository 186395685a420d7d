"""The one index writer: drains the index queue until stopped (SIGTERM/SIGINT)."""

import logging
import signal
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from search.indexing import queue_drain

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Apply queued index changes, one writer; run it next to the web server."

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval", type=float, default=0.5, help="Seconds between polls of an empty queue."
        )
        parser.add_argument("--batch", type=int, default=500, help="Queue entries per batch.")
        parser.add_argument(
            "--once", action="store_true", help="Drain the queue once, then exit (cron, tests)."
        )

    def handle(self, *args, interval, batch, once, **options):
        self.stopping = False

        def stop(signum, frame):
            # Finish the batch in hand (its queue rows are deleted only after indexing).
            self.stopping = True

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        self.stdout.write("Index worker started.")
        while not self.stopping:
            close_old_connections()
            try:
                result = queue_drain(batch_size=batch)
            except Exception:
                logger.exception("Index worker: batch failed; retrying")
                time.sleep(max(interval, 2))
                continue
            if result.entries:
                self.stdout.write(
                    f"{result.entries} queued, {result.indexed} indexed, {result.removed} removed"
                )
                continue
            if once:
                break
            time.sleep(interval)
        self.stdout.write("Index worker stopped.")
