// SPDX-License-Identifier: MIT
#pragma once

#include "Landscape.h"

#include <QString>

namespace EcoAtlas {

/// What the details panel says about one organization: names, roles, group, every tie with its
/// date, amount and sources, its products, and the figures and claims about it.
namespace OrganizationDetails {

/// An HTML fragment for a QTextBrowser. Every text that comes from data is HTML-escaped, so a
/// name such as `<b>x</b>` shows literally. Source URLs become links. Empty for an unknown id.
QString toHtml(const Landscape &landscape, RowId organizationId);

/// One line describing a tie from the point of view of `organizationId`, in plain text, e.g.
/// "hosts MiniMax (computing cluster, through HCC) — 2023".
QString tieSummary(const Landscape &landscape, const Tie &tie, RowId organizationId);

/// "Zhidongxi (智东西), “Five Major Players …”, Nov 2023 — citing Financial Times, Aug 2023"
/// in plain text.
QString sourceCitation(const Landscape &landscape, const Source &source);

} // namespace OrganizationDetails
} // namespace EcoAtlas
