"""notebooks/explore.ipynb executes, in a fresh kernel, without an error: it can never rot."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "explore.ipynb"
MAX_SECONDS = 120  # it takes ~10 s here; the budget leaves room for a slow CI machine


@pytest.fixture(scope="module")
def notebook():
    nbformat = pytest.importorskip("nbformat")
    return nbformat.read(NOTEBOOK, as_version=4)


def test_notebook_is_saved_without_outputs(notebook) -> None:
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code
    for cell in code:
        assert cell.outputs == [] and cell.execution_count is None, cell.source[:60]


def test_notebook_imports_the_package_without_path_hacks(notebook) -> None:
    source = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "code")
    assert "import pipeline" in source
    assert "sys.path" not in source


def test_notebook_executes_without_error(notebook) -> None:
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    started = time.perf_counter()
    client = nbclient.NotebookClient(notebook, timeout=MAX_SECONDS, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()  # raises CellExecutionError, naming the cell, on any error
    elapsed = time.perf_counter() - started
    errors = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs
              if output.output_type == "error"]
    assert errors == []
    outputs = {output.output_type for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs}
    assert {"execute_result", "display_data"} <= outputs
    images = [o for cell in notebook.cells for o in cell.get("outputs", []) if "image/png" in o.get("data", {})]
    html = [o for cell in notebook.cells for o in cell.get("outputs", []) if "text/html" in o.get("data", {})]
    assert html, "no table or displaCy markup was shown"
    assert images or any("no indicators" in o.get("text", "") for cell in notebook.cells
                         for o in cell.get("outputs", []))
    assert elapsed < MAX_SECONDS
