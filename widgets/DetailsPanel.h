// SPDX-License-Identifier: MIT
#pragma once

#include "Landscape.h"

#include <QTextBrowser>

namespace EcoAtlas {

class LandscapeDocument;

/// The details panel: everything known about the selected organization — names, roles,
/// group, every tie with its sources, products, figures and claims (OrganizationDetails).
/// Text from data is escaped, so it shows as plain text; source URLs open in the browser.
class DetailsPanel : public QTextBrowser
{
    Q_OBJECT
public:
    explicit DetailsPanel(LandscapeDocument *document, QWidget *parent = nullptr);
    /// Shows organization `id` (0 clears the panel).
    void showOrganization(RowId id);
    RowId organization() const { return m_id; }

private:
    LandscapeDocument *m_document;
    RowId m_id = 0;
};

} // namespace EcoAtlas
