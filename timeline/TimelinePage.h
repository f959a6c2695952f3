// SPDX-License-Identifier: MIT
#pragma once

#include "TimelineOptions.h"

#include <QDate>
#include <QPointer>
#include <QWidget>

class QAbstractItemModel;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QPlainTextEdit;
class QSlider;
class QStackedWidget;
class QTimer;
class QToolButton;

namespace EcoAtlas {

class LandscapeDocument;
class TimelineChart;
class TimelineView;
class ViewState;

/// The Timelines tab: four live charts (investments, chip orders, clients per vendor, events)
/// fed from the main window's shared TieModel and FigureModel, and the one time cursor.
///
/// Top bar: chart, currency (USD/CNY, rates shown in the footer), stacking (investor or
/// investee), period (auto, month, quarter, year), chip measure (value or units), and the
/// dates the charts span (fit to the data, or From/To). Bottom bar — the time slider shared
/// with every view through ViewState: which time it uses (when ties began / became public:
/// ViewState::timeBasis), the mode (as of a date; range: ties that started between date A and
/// the cursor; compare: ties added, removed or changed between A and the cursor), date A, step
/// back/forward one month, play (one month every 0.6 s until the end), the slider over days,
/// the date, and "all dates" (no cursor). Every chart draws the cursor line; clicking a chart
/// moves the cursor there, clicking a mark selects its organization everywhere.
class TimelinePage : public QWidget
{
    Q_OBJECT
public:
    /// `ties` and `figures`: the shared TieModel and FigureModel (or proxies of them) of
    /// `document`; `state`: the shared ViewState. None is owned.
    TimelinePage(LandscapeDocument *document,
                 QAbstractItemModel *ties,
                 QAbstractItemModel *figures,
                 ViewState *state,
                 QWidget *parent = nullptr);
    ~TimelinePage() override;

    /// The options the charts show now (for File › Export: TimelineExport::paintTimeline).
    TimelineOptions options() const;
    /// The export view name of the chart shown: "timeline-investments", … (TimelineExport).
    QString currentView() const;
    /// Shows the chart of export view `view`; unknown names are ignored.
    void setCurrentView(const QString &view);
    /// The chart and view of export view `view` (nullptr for an unknown name).
    TimelineChart *chart(const QString &view) const;
    TimelineView *view(const QString &view) const;

    /// The cursor mode (as of / range / compare).
    CursorMode mode() const;
    void setMode(CursorMode mode);
    /// Date A of the range and compare modes.
    QDate dateA() const;
    void setDateA(QDate date);
    /// First and last day of the charts (and the first of the slider).
    QDate rangeFrom() const;
    QDate rangeTo() const;
    /// Last day of the slider: with "Fit to data", the end of the month of the last date on
    /// which the landscape changes (a tie begins or ends, a source or figure is dated) — not
    /// the end of a vague future delivery year; otherwise rangeTo().
    QDate cursorTo() const { return m_cursorTo; }
    /// The "Next month" / "Previous month" buttons.
    QToolButton *forwardButton() const { return m_forward; }
    QToolButton *backButton() const { return m_back; }

    /// The time slider (days from rangeFrom()).
    QSlider *slider() const { return m_slider; }
    /// True while the cursor plays forward.
    bool isPlaying() const;

public slots:
    /// Moves the cursor one month forward / back (from the range start when there is none),
    /// within the range. Consecutive steps keep the day of the month they started from
    /// (2023-10-31 → 2023-09-30 → 2023-08-31), clamped to the slider's ends.
    void stepForward();
    void stepBack();
    /// Starts or stops playing.
    void setPlaying(bool playing);

signals:
    /// The mode or date A changed (date B is ViewState::asOf), for views that show ranges or
    /// comparisons (TieComparison).
    void cursorModeChanged(EcoAtlas::CursorMode mode, QDate dateA);

private:
    void buildCharts(QAbstractItemModel *ties, QAbstractItemModel *figures);
    void applyOptions();
    void updateRange();
    void syncCursor();
    void updateTexts();
    void step(int months);

    QPointer<LandscapeDocument> m_document;
    QPointer<ViewState> m_state;
    QList<TimelineChart *> m_charts;
    QList<TimelineView *> m_views;
    QComboBox *m_chartChoice;
    QComboBox *m_currency;
    QComboBox *m_stacking;
    QComboBox *m_granularity;
    QComboBox *m_chipMeasure;
    QCheckBox *m_fit;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QLabel *m_subtitle;
    QStackedWidget *m_stack;
    QPlainTextEdit *m_footer;
    QComboBox *m_basis;
    QComboBox *m_mode;
    QDateEdit *m_dateA;
    QToolButton *m_back;
    QToolButton *m_play;
    QToolButton *m_forward;
    QSlider *m_slider;
    QLabel *m_date;
    QToolButton *m_allDates;
    QTimer *m_timer;
    bool m_updating = false;
    QDate m_cursorTo;
    QDate m_stepAnchor;   ///< the date a run of month steps started from
    int m_stepMonths = 0; ///< months stepped from m_stepAnchor
    QDate m_stepped;      ///< the date the last step set (a different cursor ends the run)
};

} // namespace EcoAtlas
