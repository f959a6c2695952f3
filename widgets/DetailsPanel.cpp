// SPDX-License-Identifier: MIT
#include "DetailsPanel.h"

#include "LandscapeDocument.h"
#include "OrganizationDetails.h"

namespace EcoAtlas {

DetailsPanel::DetailsPanel(LandscapeDocument *document, QWidget *parent)
    : QTextBrowser(parent)
    , m_document(document)
{
    setOpenExternalLinks(true);
    setPlaceholderText(tr("Select an organization to see every tie with its sources."));
    connect(document, &LandscapeDocument::landscapeReset, this, [this] { showOrganization(0); });
    connect(document, &LandscapeDocument::landscapeChanged, this, [this] {
        showOrganization(m_id);
    });
}

void DetailsPanel::showOrganization(RowId id)
{
    m_id = id;
    if (!id) {
        clear();
        return;
    }
    setHtml(OrganizationDetails::toHtml(m_document->landscape(), id));
}

} // namespace EcoAtlas
