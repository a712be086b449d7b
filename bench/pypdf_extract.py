"""The peer of ExtractionBenchmark: pypdf text extraction, page by page, on the same PDFs.

Prints one line per file and a total: file pages seconds pages_per_second (tab-separated)."""
import sys
import time
from pathlib import Path

import pypdf

rounds = int(sys.argv[1])
total_pages = 0
total_seconds = 0.0
for name in sys.argv[2:]:
    pages = 0
    started = time.perf_counter()
    for _ in range(rounds):
        reader = pypdf.PdfReader(name)
        for page in reader.pages:
            page.extract_text()
        pages += len(reader.pages)
    seconds = time.perf_counter() - started
    total_pages += pages
    total_seconds += seconds
    print(f"{Path(name).name}\t{pages // rounds}\t{seconds / rounds:.3f}\t{pages / seconds:.1f}", flush=True)
print(f"TOTAL\t{total_pages // rounds}\t{total_seconds / rounds:.3f}\t{total_pages / total_seconds:.1f}")
