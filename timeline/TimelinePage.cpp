// SPDX-License-Identifier: MIT
#include "TimelinePage.h"

#include "CurrencyRates.h"
#include "LandscapeDocument.h"
#include "TimelineAggregation.h"
#include "TimelineCharts.h"
#include "TimelineExport.h"
#include "TimelineModels.h"
#include "TimelineView.h"
#include "ViewState.h"

#include <QBoxLayout>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QMouseEvent>
#include <QPlainTextEdit>
#include <QSlider>
#include <QStackedWidget>
#include <QStyle>
#include <QStyleOptionSlider>
#include <QTimer>
#include <QToolButton>

namespace EcoAtlas {

namespace {
/// A slider that jumps to the clicked point of its track (and keeps dragging from there),
/// instead of moving one page towards it.
class JumpSlider : public QSlider
{
public:
    explicit JumpSlider(QWidget *parent)
        : QSlider(Qt::Horizontal, parent)
    {}

protected:
    void mousePressEvent(QMouseEvent *event) override
    {
        if (event->button() == Qt::LeftButton && maximum() > minimum()) {
            QStyleOptionSlider opt;
            initStyleOption(&opt);
            const QRect handle = style()->subControlRect(
                    QStyle::CC_Slider, &opt, QStyle::SC_SliderHandle, this);
            if (!handle.contains(event->position().toPoint())) {
                const QRect groove = style()->subControlRect(
                        QStyle::CC_Slider, &opt, QStyle::SC_SliderGroove, this);
                const int span = groove.width() - handle.width();
                const int x = event->position().toPoint().x() - groove.x() - handle.width() / 2;
                setValue(QStyle::sliderValueFromPosition(
                        minimum(), maximum(), std::clamp(x, 0, span), span, opt.upsideDown));
            }
        }
        QSlider::mousePressEvent(event);
    }
};

/// Lays widgets out in rows that wrap when the page is narrow (after Qt's Flow Layout
/// example), so that the chart and cursor controls fit a 1024-pixel-wide window.
class FlowLayout : public QLayout
{
public:
    explicit FlowLayout(int spacing = 6)
    {
        setSpacing(spacing);
        setContentsMargins(0, 0, 0, 0);
    }
    ~FlowLayout() override
    {
        while (QLayoutItem *item = takeAt(0))
            delete item;
    }
    void addItem(QLayoutItem *item) override { m_items.append(item); }
    int count() const override { return int(m_items.size()); }
    QLayoutItem *itemAt(int index) const override { return m_items.value(index); }
    QLayoutItem *takeAt(int index) override
    {
        return index >= 0 && index < m_items.size() ? m_items.takeAt(index) : nullptr;
    }
    Qt::Orientations expandingDirections() const override { return {}; }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override { return place(QRect(0, 0, width, 0), false); }
    void setGeometry(const QRect &rect) override
    {
        QLayout::setGeometry(rect);
        place(rect, true);
    }
    QSize sizeHint() const override
    {
        // One row when there is room.
        int w = 0;
        int h = 0;
        for (QLayoutItem *item : m_items) {
            if (item->isEmpty())
                continue;
            w += item->sizeHint().width() + spacing();
            h = std::max(h, item->sizeHint().height());
        }
        return QSize(w, h);
    }
    QSize minimumSize() const override
    {
        QSize size;
        for (QLayoutItem *item : m_items)
            size = size.expandedTo(item->minimumSize());
        return size;
    }

private:
    /// Places the items in rows within `rect` (each row centred vertically) when `apply`;
    /// returns the height used.
    int place(const QRect &rect, bool apply) const
    {
        int x = rect.x();
        int y = rect.y();
        int rowHeight = 0;
        QList<std::pair<QLayoutItem *, QPoint>> row;
        auto flush = [&] {
            if (apply)
                for (const auto &[item, at] : row)
                    item->setGeometry(QRect(
                            QPoint(at.x(), at.y() + (rowHeight - item->sizeHint().height()) / 2),
                            item->sizeHint()));
            row.clear();
        };
        for (QLayoutItem *item : m_items) {
            if (item->isEmpty())
                continue;
            const QSize hint = item->sizeHint();
            if (x > rect.x() && x + hint.width() > rect.right() + 1) {
                flush();
                x = rect.x();
                y += rowHeight + spacing();
                rowHeight = 0;
            }
            row.append({item, QPoint(x, y)});
            x += hint.width() + spacing();
            rowHeight = std::max(rowHeight, hint.height());
        }
        flush();
        return y + rowHeight - rect.y();
    }

    QList<QLayoutItem *> m_items;
};

/// A label and its control kept together on one row of a FlowLayout.
QWidget *pair(QWidget *parent, QWidget *label, QWidget *control)
{
    auto *box = new QWidget(parent);
    auto *row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(4);
    if (label)
        row->addWidget(label);
    row->addWidget(control);
    return box;
}

/// The last day on which the landscape as shown by the cursor can start to change: the first
/// possible day of a tie's start or end, of a source's or a figure's date (a tie begun "in
/// 2023" can first show on 2023-01-01). Future deliveries do not count. Invalid when there are
/// no dates.
QDate lastChange(const Landscape &l)
{
    QDate last;
    auto add = [&last](const FuzzyDate &d) {
        if (d.isValid() && (!last.isValid() || d.earliest() > last))
            last = d.earliest();
    };
    for (const Tie &t : l.ties) {
        add(t.start);
        add(t.end);
    }
    for (const Figure &f : l.figures)
        add(f.asOf);
    for (const Source &s : l.sources)
        add(s.date);
    return last;
}

QLabel *plainLabel(const QString &text, QWidget *parent)
{
    auto *l = new QLabel(text, parent);
    l->setTextFormat(Qt::PlainText);
    return l;
}

QDateEdit *dateEdit(QWidget *parent)
{
    auto *e = new QDateEdit(parent);
    e->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    e->setCalendarPopup(true);
    // QDateEdit accepts years 100–9999: dates before 1970 and after 2038 included.
    e->setDateRange(QDate(100, 1, 1), QDate(9999, 12, 31));
    return e;
}

} // namespace

TimelinePage::TimelinePage(LandscapeDocument *document,
                           QAbstractItemModel *ties,
                           QAbstractItemModel *figures,
                           ViewState *state,
                           QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_state(state)
    , m_chartChoice(new QComboBox(this))
    , m_currency(new QComboBox(this))
    , m_stacking(new QComboBox(this))
    , m_granularity(new QComboBox(this))
    , m_chipMeasure(new QComboBox(this))
    , m_fit(new QCheckBox(tr("Fit to data"), this))
    , m_from(dateEdit(this))
    , m_to(dateEdit(this))
    , m_subtitle(plainLabel({}, this))
    , m_stack(new QStackedWidget(this))
    , m_footer(new QPlainTextEdit(this))
    , m_basis(new QComboBox(this))
    , m_mode(new QComboBox(this))
    , m_dateA(dateEdit(this))
    , m_back(new QToolButton(this))
    , m_play(new QToolButton(this))
    , m_forward(new QToolButton(this))
    , m_slider(new JumpSlider(this))
    , m_date(plainLabel({}, this))
    , m_allDates(new QToolButton(this))
    , m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("TimelinePage"));
    m_chartChoice->addItems({tr("Investments over time"),
                             tr("Chip orders by delivery"),
                             tr("Clients per vendor"),
                             tr("Events by organization")});
    for (const QString &c : CurrencyRates::currencies())
        m_currency->addItem(c, c);
    m_currency->setToolTip(CurrencyRates::description());
    m_stacking->addItem(tr("by investor"), int(InvestmentStacking::ByInvestor));
    m_stacking->addItem(tr("by investee"), int(InvestmentStacking::ByInvestee));
    for (Granularity g :
         {Granularity::Auto, Granularity::Month, Granularity::Quarter, Granularity::Year})
        m_granularity->addItem(granularityName(g), int(g));
    m_chipMeasure->addItem(tr("value"), int(ChipMeasure::Value));
    m_chipMeasure->addItem(tr("units"), int(ChipMeasure::Units));
    m_fit->setChecked(true);
    m_fit->setToolTip(tr("Span the dates of the landscape's facts"));

    m_basis->addItem(tr("when ties began"), int(ViewState::TimeBasis::Began));
    m_basis->addItem(tr("when ties became public"), int(ViewState::TimeBasis::Published));
    m_basis->setToolTip(tr("Which time the cursor uses: the landscape as it stood, or as it "
                           "was known (the date of each tie's earliest source)"));
    m_mode->addItem(tr("As of"), int(CursorMode::AsOf));
    m_mode->addItem(tr("Range from A"), int(CursorMode::Range));
    m_mode->addItem(tr("Compare A with"), int(CursorMode::Compare));
    m_mode->setToolTip(tr("As of: the landscape on the cursor date. Range: ties that started "
                          "between date A and the cursor. Compare: ties added, removed or "
                          "changed between date A and the cursor."));
    m_dateA->setToolTip(tr("Date A"));
    m_back->setText(tr("\u25C0 Previous month"));
    m_back->setToolTip(tr("Move the cursor one month back"));
    m_back->setAccessibleName(tr("Previous month"));
    m_play->setText(QStringLiteral("\u25B6"));
    m_play->setCheckable(true);
    m_play->setToolTip(tr("Play: one month every 0.6 s"));
    m_play->setAccessibleName(tr("Play"));
    m_forward->setText(tr("Next month \u25B6"));
    m_forward->setToolTip(tr("Move the cursor one month forward"));
    m_forward->setAccessibleName(tr("Next month"));
    m_allDates->setText(tr("All dates"));
    m_allDates->setToolTip(tr("No date cursor: every tie shown"));
    m_slider->setToolTip(tr("The time cursor shared by every view: click or drag to a date"));
    m_slider->setAccessibleName(tr("Time cursor"));
    const std::pair<QWidget *, QString> names[] = {
            {m_chartChoice, tr("Chart")},
            {m_currency, tr("Currency")},
            {m_stacking, tr("Stack bars")},
            {m_granularity, tr("Period")},
            {m_chipMeasure, tr("Chip measure")},
            {m_fit, tr("Fit to data")},
            {m_from, tr("From date")},
            {m_to, tr("To date")},
            {m_basis, tr("Time basis")},
            {m_mode, tr("Cursor mode")},
            {m_dateA, tr("Date A")},
            {m_allDates, tr("All dates")},
            {m_date, tr("Cursor date")},
    };
    for (const auto &[w, name] : names) {
        w->setAccessibleName(name);
        if (w->toolTip().isEmpty())
            w->setToolTip(name);
    }
    m_chartChoice->setToolTip(tr("Which chart to show"));
    m_stacking->setToolTip(tr("Stack the investment bars by investor or by investee"));
    m_granularity->setToolTip(tr("The period each bar covers"));
    m_chipMeasure->setToolTip(tr("Chip orders by value or by units"));
    m_from->setToolTip(tr("First day the charts show (untick “Fit to data”)"));
    m_to->setToolTip(tr("Last day the charts show (untick “Fit to data”)"));
    m_subtitle->setWordWrap(true);
    // The footer (how to read the chart, items not on it, rates, sources): plain text, as
    // many lines as fit in five, scrollable.
    m_footer->setReadOnly(true);
    m_footer->setFrameShape(QFrame::NoFrame);
    m_footer->setBackgroundVisible(false);
    QFont small = m_footer->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_footer->setFont(small);
    m_footer->setMaximumHeight(QFontMetrics(small).lineSpacing() * 5 + 8);
    m_footer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_timer->setInterval(600);
    m_date->setMinimumWidth(m_date->fontMetrics().horizontalAdvance(QStringLiteral("00000-00-00"))
                            + 8);
    m_date->setAlignment(Qt::AlignCenter);

    // Both bars wrap into more rows when the window is narrow; the slider has a row of its own.
    auto *top = new FlowLayout;
    top->addWidget(pair(this, plainLabel(tr("Chart:"), this), m_chartChoice));
    top->addWidget(pair(this, plainLabel(tr("Currency:"), this), m_currency));
    top->addWidget(pair(this, plainLabel(tr("Stack:"), this), m_stacking));
    top->addWidget(pair(this, plainLabel(tr("Per:"), this), m_granularity));
    top->addWidget(pair(this, plainLabel(tr("Chips:"), this), m_chipMeasure));
    top->addWidget(m_fit);
    top->addWidget(pair(this, plainLabel(tr("From:"), this), m_from));
    top->addWidget(pair(this, plainLabel(tr("To:"), this), m_to));

    auto *bottom = new FlowLayout;
    bottom->addWidget(pair(this, plainLabel(tr("Time:"), this), m_basis));
    bottom->addWidget(m_mode);
    bottom->addWidget(m_dateA);
    bottom->addWidget(m_back);
    bottom->addWidget(m_play);
    bottom->addWidget(m_forward);
    bottom->addWidget(m_date);
    bottom->addWidget(m_allDates);
    auto *sliderRow = new QHBoxLayout;
    sliderRow->addWidget(m_slider, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_subtitle);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_footer);
    layout->addLayout(bottom);
    layout->addLayout(sliderRow);

    buildCharts(ties, figures);

    auto apply = [this] {
        if (!m_updating)
            applyOptions();
    };
    connect(m_chartChoice, &QComboBox::currentIndexChanged, this, [this](int i) {
        m_stack->setCurrentIndex(i);
        updateTexts();
    });
    for (QComboBox *c : {m_currency, m_stacking, m_granularity, m_chipMeasure})
        connect(c, &QComboBox::currentIndexChanged, this, apply);
    connect(m_fit, &QCheckBox::toggled, this, [this] {
        m_from->setEnabled(!m_fit->isChecked());
        m_to->setEnabled(!m_fit->isChecked());
        updateRange();
        applyOptions();
    });
    for (QDateEdit *e : {m_from, m_to})
        connect(e, &QDateEdit::dateChanged, this, [this] {
            if (m_updating)
                return;
            updateRange();
            applyOptions();
        });
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this] {
        m_dateA->setVisible(mode() != CursorMode::AsOf);
        if (mode() != CursorMode::AsOf && m_state && !m_state->asOf().isValid())
            m_state->setAsOf(cursorTo());
        applyOptions();
        emit cursorModeChanged(mode(), dateA());
    });
    connect(m_dateA, &QDateEdit::dateChanged, this, [this] {
        if (m_updating)
            return;
        applyOptions();
        emit cursorModeChanged(mode(), dateA());
    });
    connect(m_slider, &QSlider::valueChanged, this, [this](int v) {
        if (!m_updating && m_state)
            m_state->setAsOf(rangeFrom().addDays(v));
    });
    connect(m_back, &QToolButton::clicked, this, &TimelinePage::stepBack);
    connect(m_forward, &QToolButton::clicked, this, &TimelinePage::stepForward);
    connect(m_play, &QToolButton::toggled, this, &TimelinePage::setPlaying);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (m_state && m_state->asOf().isValid() && m_state->asOf() >= cursorTo())
            setPlaying(false);
        else
            step(1);
    });
    connect(m_allDates, &QToolButton::clicked, this, [this] {
        setPlaying(false);
        if (m_state)
            m_state->setAsOf(QDate());
    });
    connect(m_basis, &QComboBox::currentIndexChanged, this, [this] {
        if (m_state && !m_updating)
            m_state->setTimeBasis(ViewState::TimeBasis(m_basis->currentData().toInt()));
    });
    if (state) {
        connect(state, &ViewState::asOfChanged, this, [this] {
            syncCursor();
            applyOptions();
        });
        connect(state, &ViewState::timeBasisChanged, this, [this] {
            syncCursor();
            applyOptions();
        });
        connect(state, &ViewState::selectedOrganizationChanged, this, [this](qint64 id) {
            for (TimelineChart *c : std::as_const(m_charts))
                c->setSelectedOrganization(id);
        });
    }
    if (document) {
        connect(document, &LandscapeDocument::landscapeReset, this, [this] {
            updateRange();
            applyOptions();
        });
        connect(document, &LandscapeDocument::landscapeChanged, this, [this] {
            updateRange();
            applyOptions();
        });
    }

    m_dateA->setVisible(false);
    m_from->setEnabled(false);
    m_to->setEnabled(false);
    updateRange();
    syncCursor();
    applyOptions();
}

TimelinePage::~TimelinePage() = default;

void TimelinePage::buildCharts(QAbstractItemModel *ties, QAbstractItemModel *figures)
{
    auto *investments = new InvestmentSeriesModel(m_document, ties, this);
    auto *chips = new ChipOrderSeriesModel(m_document, ties, this);
    auto *clients = new ClientCountModel(m_document, ties, this);
    auto *events = new EventModel(m_document, ties, figures, this);
    m_charts = {new PeriodBarChart(TimelineChart::Kind::Investments, investments),
                new PeriodBarChart(TimelineChart::Kind::ChipOrders, chips),
                new ClientCountChart(clients),
                new EventChart(events)};
    for (TimelineChart *chart : std::as_const(m_charts)) {
        auto *view = new TimelineView(chart, m_stack);
        m_views << view;
        m_stack->addWidget(view);
        connect(view, &TimelineView::organizationClicked, this, [this](qint64 id) {
            if (m_state)
                m_state->setSelectedOrganization(id);
        });
        connect(view, &TimelineView::dateClicked, this, [this](QDate date) {
            setPlaying(false);
            if (m_state)
                m_state->setAsOf(date);
        });
        connect(chart, &TimelineChart::contentChanged, this, [this, chart] {
            if (m_stack->currentWidget() && chart == m_charts.value(m_stack->currentIndex()))
                updateTexts();
        });
        if (m_state)
            chart->setSelectedOrganization(m_state->selectedOrganization());
    }
}

TimelineOptions TimelinePage::options() const
{
    TimelineOptions o;
    o.currency = m_currency->currentData().toString();
    o.stacking = InvestmentStacking(m_stacking->currentData().toInt());
    o.granularity = Granularity(m_granularity->currentData().toInt());
    o.chipMeasure = ChipMeasure(m_chipMeasure->currentData().toInt());
    if (!m_fit->isChecked()) {
        o.from = m_from->date();
        o.to = m_to->date();
    }
    if (m_state) {
        o.figure.asOf = m_state->asOf();
        o.basis = m_state->timeBasis();
    }
    o.mode = mode();
    if (o.mode != CursorMode::AsOf) {
        o.compareFrom = m_dateA->date();
        // The modes need A ≤ B; with A after B, fall back to the plain cursor.
        if (!o.figure.asOf.isValid() || o.compareFrom > o.figure.asOf)
            o.mode = CursorMode::AsOf;
    }
    return o;
}

QString TimelinePage::currentView() const
{
    return TimelineExport::viewNames().value(m_stack->currentIndex());
}

void TimelinePage::setCurrentView(const QString &view)
{
    const int i = int(TimelineExport::viewNames().indexOf(view));
    if (i >= 0)
        m_chartChoice->setCurrentIndex(i);
}

TimelineChart *TimelinePage::chart(const QString &view) const
{
    return m_charts.value(int(TimelineExport::viewNames().indexOf(view)));
}

TimelineView *TimelinePage::view(const QString &view) const
{
    return m_views.value(int(TimelineExport::viewNames().indexOf(view)));
}

CursorMode TimelinePage::mode() const
{
    return CursorMode(m_mode->currentData().toInt());
}

void TimelinePage::setMode(CursorMode mode)
{
    m_mode->setCurrentIndex(m_mode->findData(int(mode)));
}

QDate TimelinePage::dateA() const
{
    return m_dateA->date();
}

void TimelinePage::setDateA(QDate date)
{
    m_dateA->setDate(date);
}

QDate TimelinePage::rangeFrom() const
{
    return m_from->date();
}

QDate TimelinePage::rangeTo() const
{
    return m_to->date();
}

bool TimelinePage::isPlaying() const
{
    return m_timer->isActive();
}

void TimelinePage::stepForward()
{
    step(1);
}

void TimelinePage::stepBack()
{
    step(-1);
}

void TimelinePage::step(int months)
{
    if (!m_state)
        return;
    const QDate current = m_state->asOf().isValid() ? m_state->asOf() : rangeFrom();
    if (current != m_stepped || !m_stepAnchor.isValid()) {
        m_stepAnchor = current;
        m_stepMonths = 0;
    }
    // Count months from where the run began, so a short month does not shorten the day for
    // good (QDate::addMonths clamps 31 to 30 or 28).
    const QDate lo = rangeFrom();
    const QDate hi = cursorTo();
    const QDate wanted = m_stepAnchor.addMonths(m_stepMonths + months);
    if ((wanted < lo && current <= lo) || (wanted > hi && current >= hi))
        return; // at the end already
    m_stepMonths += months;
    const QDate next = std::clamp(wanted, lo, hi);
    m_stepped = next;
    m_state->setAsOf(next);
}

void TimelinePage::setPlaying(bool playing)
{
    if (playing && m_state && (!m_state->asOf().isValid() || m_state->asOf() >= cursorTo()))
        m_state->setAsOf(rangeFrom()); // play from the start
    if (playing)
        m_timer->start();
    else
        m_timer->stop();
    const QSignalBlocker block(m_play);
    m_play->setChecked(playing);
    m_play->setText(playing ? QStringLiteral("\u23F8") : QStringLiteral("\u25B6"));
}

void TimelinePage::updateRange()
{
    if (!m_document)
        return;
    m_updating = true;
    if (m_fit->isChecked()) {
        TimelineOptions fit;
        const auto [from, to] = TimelineAggregation::resolveRange(m_document->landscape(), fit);
        m_from->setDate(from);
        m_to->setDate(to);
    } else if (m_from->date() > m_to->date()) {
        m_to->setDate(m_from->date());
    }
    if (!m_dateA->date().isValid() || m_dateA->date() < m_from->date()
        || m_dateA->date() > m_to->date())
        m_dateA->setDate(m_from->date());
    m_cursorTo = m_to->date();
    if (m_fit->isChecked()) {
        const QDate last = lastChange(m_document->landscape());
        if (last.isValid()) {
            // A margin after the last change: to the end of its month.
            m_cursorTo = std::clamp(QDate(last.year(), last.month(), 1).addMonths(1).addDays(-1),
                                    m_from->date(),
                                    m_to->date());
        }
    }
    m_slider->setRange(0, int(m_from->date().daysTo(m_cursorTo)));
    m_slider->setPageStep(30);
    m_updating = false;
    syncCursor();
}

void TimelinePage::syncCursor()
{
    m_updating = true;
    const QDate asOf = m_state ? m_state->asOf() : QDate();
    if (asOf.isValid()) {
        m_slider->setValue(
                int(std::clamp<qint64>(rangeFrom().daysTo(asOf), 0, m_slider->maximum())));
        m_date->setText(asOf.toString(Qt::ISODate));
    } else {
        m_slider->setValue(m_slider->maximum());
        m_date->setText(tr("all dates"));
    }
    if (m_state)
        m_basis->setCurrentIndex(m_basis->findData(int(m_state->timeBasis())));
    m_updating = false;
}

void TimelinePage::applyOptions()
{
    const TimelineOptions o = options();
    for (TimelineChart *c : std::as_const(m_charts))
        c->setOptions(o);
    updateTexts();
}

void TimelinePage::updateTexts()
{
    const TimelineChart *c = m_charts.value(m_stack->currentIndex());
    if (!c)
        return;
    m_subtitle->setText(c->figureSubtitle());
    m_footer->setPlainText(c->footer().join(QLatin1Char('\n')));
    // Controls that mean nothing for the chart shown are disabled, not hidden (stable layout).
    const bool bars = c->kind() == TimelineChart::Kind::Investments
                      || c->kind() == TimelineChart::Kind::ChipOrders;
    m_stacking->setEnabled(c->kind() == TimelineChart::Kind::Investments);
    m_granularity->setEnabled(bars);
    m_chipMeasure->setEnabled(c->kind() == TimelineChart::Kind::ChipOrders);
    m_currency->setEnabled(bars);
}

} // namespace EcoAtlas
