"""The PyInstaller build: its inputs stay consistent, and (slow) the built program checks itself.

The slow test builds ``build.spec`` into a temporary folder whose path has spaces and Chinese
characters and runs the frozen programs' ``--self-test`` with a clean environment: no Python
on PATH, a home folder named in Chinese, the current folder outside the checkout. It is
skipped when PyInstaller is not installed (``pip install .[build]``).
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest

from tests.gui.test_self_test import STEP_NAMES, UNFINISHED

ROOT = Path(__file__).resolve().parents[2]
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
SIZE_LIMIT_MB = 180  # Linux, with the bundled CJK font; QtWebEngine or QML creeping in would break it


def load_make_icons():
    spec = importlib.util.spec_from_file_location("make_icons", ROOT / "installer" / "make_icons.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def largest_channel_difference(png_a: bytes, png_b: bytes) -> int:
    """How far apart two PNG images are, channel by channel (255 if their sizes differ)."""
    from PySide6.QtGui import QImage

    a, b = (QImage.fromData(png, "PNG").convertToFormat(QImage.Format_RGBA8888) for png in (png_a, png_b))
    if a.size() != b.size():
        return 255
    return max((abs(x - y) for x, y in zip(bytes(a.constBits()), bytes(b.constBits()), strict=True)),
               default=0)


def test_committed_icons_are_rendered_from_the_svg(tmp_path, qapp):
    """Compared pixel by pixel, not byte by byte: Qt's antialiasing rounds differently by one
    level on some CPUs, which changes a few pixels (and the compressed bytes) but no drawing."""
    make_icons = load_make_icons()
    made = make_icons.make_icons(ROOT / "resources" / "icons" / "app.svg", tmp_path)
    stale = "{name} is older than app.svg: run python installer/make_icons.py"
    fresh = make_icons.read_ico((tmp_path / "app.ico").read_bytes())
    entries = make_icons.read_ico((ROOT / "resources" / "icons" / "app.ico").read_bytes())
    assert set(entries) == set(fresh), stale.format(name="app.ico")
    assert {16, 32, 48, 256} <= set(entries)
    for size, png in entries.items():
        assert largest_channel_difference(png, fresh[size]) <= 2, stale.format(name=f"app.ico {size}px")
    committed_png = (ROOT / "resources" / "icons" / "app.png").read_bytes()
    assert largest_channel_difference(committed_png, (tmp_path / "app.png").read_bytes()) <= 2, \
        stale.format(name="app.png")
    assert {path.name for path in made} == {"app.ico", "app.png"}


def test_the_spec_is_python_and_places_the_data_folders():
    source = (ROOT / "build.spec").read_text(encoding="utf-8")
    compile(source, "build.spec", "exec")
    assert 'for folder in ("db", "resources")' in source  # the names paths.resource_path uses
    assert 'name="PlannerDesktop", console=False' in source


def test_installer_and_workflow_agree_with_the_project():
    iss = (ROOT / "installer" / "PlannerDesktop.iss").read_text(encoding="utf-8")
    assert re.search(r'#define AppVersion "([^"]+)"', iss)[1] == VERSION
    assert "PrivilegesRequired=lowest" in iss
    assert "{userdesktop}" in iss or "{autodesktop}" in iss
    workflow = (ROOT / ".github" / "workflows" / "windows-build.yml").read_text(encoding="utf-8")
    assert "pyinstaller build.spec" in workflow and "--self-test" in workflow
    assert "windows-latest" in workflow


def folder_mb(folder: Path) -> float:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def run_frozen(program: Path, args: list[str], env: dict, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(program), *args], env=env, cwd=cwd, capture_output=True, timeout=180)


@pytest.mark.slow
@pytest.mark.timeout(900)
@pytest.mark.skipif(importlib.util.find_spec("PyInstaller") is None, reason="PyInstaller is not installed")
@pytest.mark.skipif(sys.platform == "linux" and shutil.which("objdump") is None,
                    reason="PyInstaller needs objdump (binutils) on Linux")
@pytest.mark.skipif(os.name != "posix", reason="the Windows build is checked by .github/workflows")
def test_the_built_program_passes_its_self_test(tmp_path):
    dist = tmp_path / "构建 输出"
    started = time.perf_counter()
    built = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(dist), "--workpath", str(tmp_path / "work"), str(ROOT / "build.spec")],
        cwd=tmp_path, capture_output=True, text=True, timeout=840)
    assert built.returncode == 0, built.stderr[-3000:]
    build_seconds = time.perf_counter() - started
    bundle = dist / "PlannerDesktop"
    size = folder_mb(bundle)
    print(f"build: {build_seconds:.0f} s, {size:.0f} MB unpacked")
    assert size < SIZE_LIMIT_MB
    # Qt's own Chinese (是/否/打开 on standard buttons) is in the bundle, where it is looked for.
    assert list(bundle.rglob("translations/qtbase_zh_CN.qm"))

    # A clean environment: nothing but the bundle can supply Python.
    home = tmp_path / "张三 的主目录"
    empty_bin = tmp_path / "bin"
    temp = tmp_path / "临时 文件"
    for folder in (home, empty_bin, temp):
        folder.mkdir()
    env = {"PATH": str(empty_bin), "HOME": str(home), "TMPDIR": str(temp)}
    cli, window = bundle / "planner-desktop", bundle / "PlannerDesktop"

    done = run_frozen(cli, ["--self-test", "--screenshot", str(tmp_path / "frozen.png")], env, temp)
    result = json.loads(done.stdout.decode("utf-8"))
    assert list(result["checks"]) == STEP_NAMES
    assert set(result["failed"]) == UNFINISHED, done.stderr.decode("utf-8", "replace")[-3000:]
    assert done.returncode == (0 if not UNFINISHED else 1)
    assert result["frozen"] is True and result["portable"] is False
    assert Path(result["checks"]["paths"]["package"]).is_relative_to(bundle)  # not the checkout
    assert "督办 台账" in result["folder"]
    assert Path(result["checks"]["log_folder"]["log_dir"]).is_relative_to(home)
    assert (tmp_path / "frozen.png").stat().st_size > 1000

    # The window program (no console) checks itself the same way, writing its result to a file.
    out = tmp_path / "窗口程序 结果.json"
    done = run_frozen(window, ["--self-test", "--out", str(out)], env, temp)
    assert json.loads(out.read_text(encoding="utf-8"))["failed"] == result["failed"]
    assert done.returncode == (0 if result["ok"] else 1)

    # Portable mode: a marker beside the program keeps the ledger and logs beside it.
    (bundle / "portable.txt").write_text("", encoding="utf-8")
    done = run_frozen(cli, ["init", "--json"], env, temp)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert Path(json.loads(done.stdout)["db"]) == bundle / "data" / "ledger.sqlite"
    done = run_frozen(cli, ["--self-test"], env, temp)
    portable = json.loads(done.stdout.decode("utf-8"))
    assert portable["portable"] is True
    assert Path(portable["checks"]["log_folder"]["log_dir"]) == bundle / "data" / "logs"
    assert not any(home.rglob("ledger.sqlite"))
    shutil.rmtree(dist, ignore_errors=True)
