// SPDX-License-Identifier: MIT
#include "ViewState.h"

namespace EcoAtlas {

ViewState::ViewState(QObject *parent)
    : QObject(parent)
{}

void ViewState::setSelectedOrganization(qint64 id)
{
    if (id == m_selected)
        return;
    m_selected = id;
    emit selectedOrganizationChanged(id);
}

void ViewState::setAsOf(QDate date)
{
    if (date == m_asOf)
        return;
    m_asOf = date;
    emit asOfChanged(date);
}

void ViewState::setTimeBasis(TimeBasis basis)
{
    if (basis == m_basis)
        return;
    m_basis = basis;
    emit timeBasisChanged(basis);
}

void ViewState::setCompareFrom(QDate date)
{
    if (date == m_compareFrom)
        return;
    m_compareFrom = date;
    emit compareFromChanged(date);
}

void ViewState::setRangeFrom(QDate date)
{
    if (date == m_rangeFrom)
        return;
    m_rangeFrom = date;
    emit rangeFromChanged(date);
}

void ViewState::setLabelLanguage(LabelLanguage labels)
{
    if (labels == m_labels)
        return;
    m_labels = labels;
    emit labelLanguageChanged(labels);
}

} // namespace EcoAtlas
