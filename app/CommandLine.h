// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

namespace EcoAtlas {

/// The command-line interface of the `ecoatlas` binary (see the README's reference):
///   ecoatlas [FILE]                                   open the GUI
///   ecoatlas [--db FILE] --export VIEW --out PATH [--format png|svg|pdf] [--size WxH[mm]]
///            [--dpi N] [--as-of YYYY-MM-DD] [--labels en|zh|both] [--transparent]
///   ecoatlas [--db FILE] --export-all DIR              every view as PNG, SVG and PDF
///   ecoatlas --list-views
///   ecoatlas [--db FILE] --dump-json PATH|-
///   ecoatlas --new-db FILE
///   ecoatlas [--db FILE] --check                       every problem of the file, exit 1 if any
/// Without --db, the per-user database is used (created from the seed landscape on first use).
/// Every error prints one line "ecoatlas: …" to stderr and exits non-zero (2 for wrong usage,
/// 1 for a failure); nothing is written on failure.
namespace CommandLine {

/// True when the arguments ask for work without a window (export, dump, new database, lists,
/// help, version): main() then selects the offscreen platform before creating the application.
bool isHeadless(const QStringList &arguments);

/// Exit code that means "no headless action: start the GUI".
constexpr int kStartGui = -1;

/// Runs the headless action the arguments ask for and returns its exit code, or kStartGui with
/// `*fileToOpen` set (possibly empty) when the GUI should start. Needs a QGuiApplication.
int run(const QStringList &arguments, QString *fileToOpen);

} // namespace CommandLine
} // namespace EcoAtlas
