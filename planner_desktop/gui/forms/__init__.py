"""Modules generated from ui/*.ui by planner_desktop.gui.build_forms: do not edit."""
