// SPDX-License-Identifier: MIT
#pragma once

#include "FigureOptions.h"
#include "Landscape.h"

#include <QDate>
#include <QObject>

namespace EcoAtlas {

/// What every linked view shares: the selected organization and the time cursor. The network
/// diagram, the sphere map, the timelines and the tables all read it and write it, so that a
/// click anywhere selects everywhere and one date drives every view. Holds no data of its own
/// beyond these values; works with no view attached.
class ViewState : public QObject
{
    Q_OBJECT
public:
    /// Which time the cursor works on.
    enum class TimeBasis {
        Began,     ///< "the landscape as it stood": when each tie began (Tie::start)
        Published, ///< "the landscape as it was known": the date of a tie's earliest source
    };
    Q_ENUM(TimeBasis)

    explicit ViewState(QObject *parent = nullptr);

    /// The selected organization, 0 for none.
    RowId selectedOrganization() const { return m_selected; }
    /// The time cursor; an invalid date means "no date filter" (everything shown).
    QDate asOf() const { return m_asOf; }
    TimeBasis timeBasis() const { return m_basis; }
    /// Compare mode: date A, compared with the cursor (date B); invalid = not comparing.
    QDate compareFrom() const { return m_compareFrom; }
    /// Range mode: date A; with a valid cursor (date B) every view shows only the ties that
    /// started between A and B (TimeFilter::startedWithin). Invalid = not in range mode.
    QDate rangeFrom() const { return m_rangeFrom; }
    /// The label language the user chose (network tool bar): figures and tables name
    /// organizations in it.
    LabelLanguage labelLanguage() const { return m_labels; }

public slots:
    void setSelectedOrganization(qint64 id);
    void setAsOf(QDate date);
    void setTimeBasis(EcoAtlas::ViewState::TimeBasis basis);
    void setCompareFrom(QDate date);
    /// Sets date A of range mode (invalid: leave range mode).
    void setRangeFrom(QDate date);
    void setLabelLanguage(EcoAtlas::LabelLanguage labels);

signals:
    void selectedOrganizationChanged(qint64 id);
    void asOfChanged(QDate date);
    void timeBasisChanged(EcoAtlas::ViewState::TimeBasis basis);
    void compareFromChanged(QDate date);
    void rangeFromChanged(QDate date);
    void labelLanguageChanged(EcoAtlas::LabelLanguage labels);

private:
    RowId m_selected = 0;
    QDate m_asOf;
    TimeBasis m_basis = TimeBasis::Began;
    QDate m_compareFrom;
    QDate m_rangeFrom;
    LabelLanguage m_labels = LabelLanguage::Both;
};

} // namespace EcoAtlas
