// SPDX-License-Identifier: MIT
#pragma once

#include "Landscape.h"
#include "Record.h"

#include <QStringList>

namespace EcoAtlas {

/// Merges a landscape read from a file into the open one, as one change (one transaction, one
/// undo step, one history action). Records the open landscape already has are matched, not
/// duplicated: organizations by English name, Chinese name or alias (case-insensitive, either
/// side's aliases), sectors by English or Chinese name, sources by URL or by publisher and
/// title, products by owner and name, deals by title; a tie equal to one already there (same
/// kind, ends and start) and a figure with the same subject, metric and as-of date are skipped.
/// Everything new gets an id after the open landscape's and a key unique within its kind.
namespace LandscapeImport {

/// What an import would do, for the preview and the command line's report.
struct Report
{
    int organizationsNew = 0;
    int organizationsMatched = 0;
    /// (name in the file, name it was matched to) for each matched organization.
    QList<std::pair<QString, QString>> matches;
    int sourcesNew = 0;
    int sourcesMatched = 0;
    int sectorsNew = 0;
    int sectorsMatched = 0;
    int productsNew = 0;
    int productsMatched = 0;
    int dealsNew = 0;
    int dealsMatched = 0;
    int tiesNew = 0;
    int tiesSkipped = 0;
    int figuresNew = 0;
    int figuresSkipped = 0;
    /// One line per record left out, with the reason ("ties[3] (a-b): already in the
    /// landscape").
    QStringList skipped;

    /// The report as lines: counts first ("organizations: 3 new, 29 matched"), then each
    /// match and each skipped record.
    QStringList lines() const;
};

/// The change that adds what `incoming` holds and `current` lacks (see the namespace comment).
/// `incoming` must be indexed and valid (as LandscapeJson::fromJson gives it). Fills `report`.
/// The change's text is "Import <name>" with `name` (a file name).
ChangeSet plan(const Landscape &current,
               const Landscape &incoming,
               const QString &name,
               Report *report);

} // namespace LandscapeImport
} // namespace EcoAtlas
