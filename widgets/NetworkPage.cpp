// SPDX-License-Identifier: MIT
#include "NetworkPage.h"

#include "FlowToolBar.h"
#include "LandscapeDocument.h"
#include "NetworkDiagramModel.h"
#include "NetworkView.h"
#include "ViewState.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QStringListModel>
#include <QToolButton>
#include <QVBoxLayout>

namespace EcoAtlas {

namespace {
/// A tool button whose menu holds one checkable action per item; `changed` gets the set of
/// checked item data whenever it changes.
QToolButton *checkMenu(QWidget *parent,
                       const QString &text,
                       const QStringList &items,
                       const QStringList &initiallyOff,
                       std::function<void(const QSet<QString> &)> changed)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(button);
    for (const QString &item : items) {
        QAction *a = menu->addAction(Vocabulary::label(item));
        a->setCheckable(true);
        a->setChecked(!initiallyOff.contains(item));
        a->setData(item);
        QObject::connect(a, &QAction::toggled, button, [menu, changed] {
            QSet<QString> on;
            for (QAction *x : menu->actions())
                if (x->isChecked())
                    on.insert(x->data().toString());
            changed(on);
        });
    }
    button->setMenu(menu);
    return button;
}
} // namespace

NetworkPage::NetworkPage(LandscapeDocument *document,
                         NetworkDiagramModel *model,
                         ViewState *state,
                         QUndoStack *undo,
                         QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_model(model)
    , m_state(state)
    , m_view(new NetworkView(model, state, undo, this))
    , m_search(new QLineEdit(this))
    , m_labels(new QComboBox(this))
    , m_groups(new QComboBox(this))
    , m_title(new QLineEdit(this))
    , m_subtitle(new QLineEdit(this))
{
    // The controls wrap onto a second row in a narrow window instead of hiding behind an
    // overflow button: every control stays reachable at any window size.
    auto *bar = new FlowToolBar(this);
    bar->setObjectName(QStringLiteral("networkToolBar"));
    bar->setIconSize(QSize(16, 16));

    m_search->setPlaceholderText(tr("Find organization (English, 中文, alias)…"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(200);
    m_search->setMaximumWidth(280);
    auto *completer = new QCompleter(new QStringListModel(this), this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_search->setCompleter(completer);
    connect(completer,
            qOverload<const QString &>(&QCompleter::activated),
            this,
            &NetworkPage::search);
    connect(m_search, &QLineEdit::returnPressed, this, [this] { search(m_search->text()); });
    bar->addWidget(m_search);
    bar->addSeparator();

    m_labels->addItem(tr("Labels: both"), QStringLiteral("both"));
    m_labels->addItem(tr("Labels: English"), QStringLiteral("en"));
    m_labels->addItem(tr("Labels: 中文"), QStringLiteral("zh"));
    m_labels->setToolTip(tr("Label language (Ctrl+Shift+L cycles)"));
    connect(m_labels, &QComboBox::currentIndexChanged, this, &NetworkPage::applyFigureOptions);
    bar->addWidget(m_labels);
    auto *cycle = new QAction(this);
    cycle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    connect(cycle, &QAction::triggered, this, [this] {
        m_labels->setCurrentIndex((m_labels->currentIndex() + 1) % m_labels->count());
    });
    addAction(cycle);

    auto *measure = new QComboBox(this);
    measure->addItem(tr("Size: ties"), int(SizeMeasure::Degree));
    measure->addItem(tr("Size: money invested"), int(SizeMeasure::MoneyInvested));
    measure->addItem(tr("Size: chips ordered"), int(SizeMeasure::ChipsOrdered));
    measure->addItem(tr("Size: clients hosted"), int(SizeMeasure::ClientsHosted));
    connect(measure, &QComboBox::currentIndexChanged, this, [this, measure](int i) {
        m_model->setSizeMeasure(SizeMeasure(measure->itemData(i).toInt()));
    });
    bar->addWidget(measure);

    // Platforms (owner → product) start hidden: they crowd the picture.
    bar->addWidget(
            checkMenu(this,
                      tr("Ties"),
                      Vocabulary::tieKinds() + QStringList{QStringLiteral("platform")},
                      {QStringLiteral("platform")},
                      [this](const QSet<QString> &on) { m_model->tieFilter()->setKinds(on); }));
    m_model->tieFilter()->setKinds(
            QSet<QString>(Vocabulary::tieKinds().begin(), Vocabulary::tieKinds().end()));
    // Evidence grades: a presenter may hide inferred (or claimed) ties.
    bar->addWidget(checkMenu(
            this, tr("Evidence"), evidenceGradeNames(), {}, [this](const QSet<QString> &on) {
                for (const QString &name : evidenceGradeNames())
                    m_model->tieFilter()->setGradeVisible(*evidenceGradeFromName(name),
                                                          on.contains(name));
            }));
    bar->addWidget(
            checkMenu(this, tr("Roles"), Vocabulary::roles(), {}, [this](const QSet<QString> &on) {
                m_model->organizationFilter()->setRoles(on);
            }));
    m_groups->setObjectName(QStringLiteral("groupFilter"));
    m_groups->setToolTip(tr("Show one group: a parent and its subsidiaries (ownership ties)"));
    connect(m_groups, &QComboBox::currentIndexChanged, this, [this](int i) {
        m_model->organizationFilter()->setGroup(m_groups->itemData(i).toLongLong());
    });
    bar->addWidget(m_groups);
    QAction *group = bar->addAction(tr("Group subsidiaries"));
    group->setCheckable(true);
    group->setToolTip(tr("Keep parents and their subsidiaries together"));
    connect(group, &QAction::toggled, m_model, &NetworkDiagramModel::setGroupSubsidiaries);
    bar->addSeparator();

    auto *useAsOf = new QCheckBox(tr("As of"), this);
    auto *asOf = new QDateEdit(QDate(2023, 11, 30), this);
    asOf->setCalendarPopup(true);
    asOf->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    asOf->setEnabled(false);
    auto *basis = new QComboBox(this);
    basis->setObjectName(QStringLiteral("timeBasis"));
    basis->addItem(tr("as it stood"), int(ViewState::TimeBasis::Began));
    basis->addItem(tr("as it was known"), int(ViewState::TimeBasis::Published));
    basis->setToolTip(tr("As it stood: when ties began. As it was known: when they were "
                         "first reported."));
    auto applyTime = [this, useAsOf, asOf, basis] {
        asOf->setEnabled(useAsOf->isChecked());
        const auto b = ViewState::TimeBasis(basis->currentData().toInt());
        m_state->setTimeBasis(b);
        m_state->setAsOf(useAsOf->isChecked() ? asOf->date() : QDate());
    };
    connect(useAsOf, &QCheckBox::toggled, this, applyTime);
    connect(asOf, &QDateEdit::dateChanged, this, applyTime);
    connect(basis, &QComboBox::currentIndexChanged, this, applyTime);
    auto syncFilter = [this] {
        m_model->tieFilter()->setRangeFrom(m_state->rangeFrom());
        m_model->tieFilter()->setAsOf(m_state->asOf(), m_state->timeBasis());
    };
    connect(m_state, &ViewState::asOfChanged, this, syncFilter);
    connect(m_state, &ViewState::rangeFromChanged, this, syncFilter);
    connect(m_state, &ViewState::timeBasisChanged, this, syncFilter);
    connect(m_state, &ViewState::asOfChanged, this, [useAsOf, asOf](QDate d) {
        const QSignalBlocker b1(useAsOf), b2(asOf);
        useAsOf->setChecked(d.isValid());
        asOf->setEnabled(d.isValid());
        if (d.isValid())
            asOf->setDate(d);
    });
    bar->addWidget(useAsOf);
    bar->addWidget(asOf);
    bar->addWidget(basis);
    bar->addSeparator();

    QAction *fit = bar->addAction(tr("Fit"));
    fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    fit->setToolTip(tr("Fit the whole network into the view (Ctrl+0)"));
    connect(fit, &QAction::triggered, m_view, &NetworkView::fitToView);
    QAction *relayout = bar->addAction(tr("Re-layout"));
    relayout->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    relayout->setToolTip(tr("Lay the network out afresh; pinned (dragged) nodes stay (Ctrl+L)"));
    connect(relayout, &QAction::triggered, m_model, &NetworkDiagramModel::relayout);

    // Title and subtitle share a row; the fields stretch and shrink with the window.
    auto *titles = new QWidget(this);
    auto *titlesRow = new QHBoxLayout(titles);
    titlesRow->setContentsMargins(4, 2, 4, 2);
    titlesRow->addWidget(new QLabel(tr("Title:"), titles));
    m_title->setPlaceholderText(tr("(the landscape's title)"));
    m_title->setMinimumWidth(80);
    titlesRow->addWidget(m_title, 1);
    titlesRow->addWidget(new QLabel(tr(" Subtitle:"), titles));
    m_subtitle->setPlaceholderText(tr("(what is shown, and the date)"));
    m_subtitle->setMinimumWidth(80);
    titlesRow->addWidget(m_subtitle, 1);
    connect(m_title, &QLineEdit::editingFinished, this, &NetworkPage::applyFigureOptions);
    connect(m_subtitle, &QLineEdit::editingFinished, this, &NetworkPage::applyFigureOptions);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(bar);
    layout->addWidget(titles);
    layout->addWidget(m_view, 1);

    connect(document, &LandscapeDocument::landscapeReset, this, [this] {
        updateCompletion();
        updateGroups();
    });
    updateCompletion();
    updateGroups();
}

void NetworkPage::applyFigureOptions()
{
    FigureOptions o;
    FigureOptions::parseLabels(m_labels->currentData().toString(), &o.labels);
    o.title = m_title->text().trimmed();
    o.subtitle = m_subtitle->text().trimmed();
    m_view->setFigureOptions(o);
}

void NetworkPage::updateCompletion()
{
    QStringList names;
    for (const Organization &o : m_document->landscape().organizations) {
        names << o.nameEn;
        if (!o.nameZh.isEmpty())
            names << o.nameZh;
        names << o.aliases;
    }
    names.removeDuplicates();
    static_cast<QStringListModel *>(m_search->completer()->model())->setStringList(names);
}

void NetworkPage::updateGroups()
{
    const QSignalBlocker block(m_groups);
    m_groups->clear();
    m_groups->addItem(tr("All groups"), qint64(0));
    const Landscape &l = m_document->landscape();
    QHash<RowId, int> members;
    for (const Organization &o : l.organizations)
        members[OrganizationFilterModel::groupRoot(l, o.id)] += 1;
    for (const Organization &o : l.organizations)
        if (members.value(o.id) > 1)
            m_groups->addItem(tr("Group: %1").arg(o.nameEn), qint64(o.id));
    m_model->organizationFilter()->setGroup(0);
}

void NetworkPage::search(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return;
    for (const Organization &o : m_document->landscape().organizations) {
        if (o.nameEn.compare(t, Qt::CaseInsensitive) == 0 || o.nameZh == t
            || o.aliases.contains(t, Qt::CaseInsensitive)) {
            m_view->centreOn(o.id);
            return;
        }
    }
    for (const Organization &o : m_document->landscape().organizations) {
        if (o.nameEn.contains(t, Qt::CaseInsensitive) || o.nameZh.contains(t)) {
            m_view->centreOn(o.id);
            return;
        }
    }
}

} // namespace EcoAtlas
