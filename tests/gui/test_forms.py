"""Designer forms and the modules generated from them stay in step, and every form builds."""

from __future__ import annotations

import importlib
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtWidgets import QDialog, QWidget

from planner_desktop.gui.build_forms import compile_form, forms, module_path


def test_there_are_forms():
    assert forms(), "ui/ holds the Designer forms"


@pytest.mark.parametrize("form", forms(), ids=lambda f: f.name)
def test_generated_module_matches_its_form(form):
    module = module_path(form)
    assert module.exists(), f"run: python -m planner_desktop.gui.build_forms ({module.name} missing)"
    assert module.read_text(encoding="utf-8") == compile_form(form), (
        f"{form.name} changed since {module.name} was generated: "
        "run python -m planner_desktop.gui.build_forms and commit the result")


@pytest.mark.parametrize("form", forms(), ids=lambda f: f.name)
def test_form_sets_up_on_its_widget(qtbot, form):
    """Each form builds on the kind of widget it was drawn for; a dialog has its title."""
    module = importlib.import_module(f"planner_desktop.gui.forms.{module_path(form).stem}")
    (ui_class,) = [v for k, v in vars(module).items() if k.startswith("Ui_")]
    kind = ET.parse(form).getroot().find("widget").get("class")
    widget = {"QDialog": QDialog, "QWidget": QWidget}[kind]()
    qtbot.addWidget(widget)
    ui = ui_class()
    ui.setupUi(widget)
    assert kind != "QDialog" or widget.windowTitle()
