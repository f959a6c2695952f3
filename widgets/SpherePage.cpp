// SPDX-License-Identifier: MIT
#include "SpherePage.h"

#include "FlowToolBar.h"
#include "SphereFigure.h"
#include "SphereMapModel.h"
#include "SphereView.h"
#include "StayOpenMenu.h"
#include "ViewState.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QToolButton>
#include <QVBoxLayout>

namespace EcoAtlas {

SpherePage::SpherePage(SphereMapModel *model, ViewState *state, QWidget *parent, QUndoStack *undo)
    : QWidget(parent)
    , m_model(model)
    , m_view(nullptr)
{
    model->setLabelMeasure(SphereFigure::labelMeasure());
    m_view = new SphereView(model, state, this, undo);
    // Wraps onto further rows in a narrow window: no control hides behind an overflow button.
    auto *bar = new FlowToolBar(this);
    bar->setObjectName(QStringLiteral("sphereToolBar"));

    auto *owners = new QComboBox(this);
    for (const QString &role : {QStringLiteral("cloud_vendor"),
                                QStringLiteral("investor"),
                                QStringLiteral("chip_vendor")})
        owners->addItem(tr("Spheres: %1s").arg(Vocabulary::label(role).toLower()), role);
    owners->setObjectName(QStringLiteral("sphereOwners"));
    owners->setToolTip(tr("Who owns a sphere"));
    owners->setAccessibleName(tr("Sphere owners"));
    bar->addWidget(owners);

    auto *kinds = new QToolButton(this);
    kinds->setText(tr("Membership"));
    kinds->setToolTip(tr("Which ties put a client in an owner's sphere"));
    kinds->setPopupMode(QToolButton::InstantPopup);
    kinds->setAccessibleName(tr("Membership filter"));
    auto *menu = new StayOpenMenu(kinds);
    for (const QString &kind : Vocabulary::tieKinds()) {
        QAction *a = menu->addAction(Vocabulary::label(kind));
        a->setCheckable(true);
        a->setChecked(SphereMapModel::defaultMembershipKinds(QStringLiteral("cloud_vendor"))
                              .contains(kind));
        a->setData(kind);
        connect(a, &QAction::toggled, this, [this, menu] {
            QSet<QString> on;
            for (QAction *x : menu->actions())
                if (x->isChecked())
                    on.insert(x->data().toString());
            m_model->setMembershipKinds(on);
        });
    }
    kinds->setMenu(menu);
    bar->addWidget(kinds);
    // A sensible membership for each kind of owner.
    connect(owners, &QComboBox::currentIndexChanged, this, [this, owners, menu] {
        const QString role = owners->currentData().toString();
        const QSet<QString> kinds = SphereMapModel::defaultMembershipKinds(role);
        for (QAction *a : menu->actions()) {
            const QSignalBlocker block(a);
            a->setChecked(kinds.contains(a->data().toString()));
        }
        m_model->setOwnerRole(role);
        m_model->setMembershipKinds(kinds);
    });

    auto *measure = new QComboBox(this);
    measure->addItem(tr("Clients: same size"), int(SphereMapModel::ClientMeasure::None));
    measure->addItem(tr("Clients sized by money raised"),
                     int(SphereMapModel::ClientMeasure::MoneyRaised));
    measure->addItem(tr("Clients sized by chips ordered"),
                     int(SphereMapModel::ClientMeasure::ChipsOrdered));
    connect(measure, &QComboBox::currentIndexChanged, this, [this, measure](int i) {
        m_model->setClientMeasure(SphereMapModel::ClientMeasure(measure->itemData(i).toInt()));
    });
    measure->setAccessibleName(tr("Client size"));
    measure->setToolTip(tr("What the size of a client's dot shows"));
    bar->addWidget(measure);

    // Evidence grades of the memberships: a presenter may leave out inferred ones.
    auto *evidence = new QToolButton(this);
    evidence->setText(tr("Evidence"));
    evidence->setToolTip(tr("Which memberships count, by how sure they are"));
    evidence->setPopupMode(QToolButton::InstantPopup);
    auto *grades = new QMenu(evidence);
    for (const QString &name : evidenceGradeNames()) {
        QAction *a = grades->addAction(evidenceGradeLabel(*evidenceGradeFromName(name)));
        a->setCheckable(true);
        a->setChecked(true);
        connect(a, &QAction::toggled, this, [this, name](bool on) {
            m_model->setGradeVisible(*evidenceGradeFromName(name), on);
        });
    }
    evidence->setMenu(grades);
    bar->addWidget(evidence);

    auto *apart = new QCheckBox(tr("Show clients tied to none"), this);
    apart->setChecked(model->showApart());
    apart->setToolTip(tr("List the clients tied to none of the owners beside the map"));
    connect(apart, &QCheckBox::toggled, model, &SphereMapModel::setShowApart);
    bar->addWidget(apart);

    auto *labels = new QComboBox(this);
    labels->addItem(tr("Labels: both"), QStringLiteral("both"));
    labels->addItem(tr("Labels: English"), QStringLiteral("en"));
    labels->addItem(tr("Labels: 中文"), QStringLiteral("zh"));
    labels->setAccessibleName(tr("Label language"));
    labels->setToolTip(tr("Names on the map in English, Chinese or both"));
    bar->addWidget(labels);
    auto *title = new QLineEdit(this);
    title->setPlaceholderText(tr("Title"));
    title->setAccessibleName(tr("Map title"));
    title->setToolTip(tr("The title drawn above the map and its exports"));
    auto *subtitle = new QLineEdit(this);
    subtitle->setPlaceholderText(tr("Subtitle"));
    subtitle->setAccessibleName(tr("Map subtitle"));
    subtitle->setToolTip(tr("The subtitle drawn under the title"));
    bar->addWidget(title);
    bar->addWidget(subtitle);
    auto apply = [this, labels, title, subtitle] {
        FigureOptions o;
        FigureOptions::parseLabels(labels->currentData().toString(), &o.labels);
        o.title = title->text().trimmed();
        o.subtitle = subtitle->text().trimmed();
        m_view->setFigureOptions(o);
    };
    connect(labels, &QComboBox::currentIndexChanged, this, apply);
    connect(title, &QLineEdit::editingFinished, this, apply);
    connect(subtitle, &QLineEdit::editingFinished, this, apply);
    QAction *fit = bar->addAction(tr("Fit"));
    fit->setToolTip(tr("Fit the map into the view (0)"));
    connect(fit, &QAction::triggered, m_view, &SphereView::fitToView);
    QAction *reset = bar->addAction(tr("Reset layout"));
    reset->setToolTip(tr("Forget dragged regions and lay the map out afresh"));
    connect(reset, &QAction::triggered, this, [this, undo] {
        pushRegionPlacement(undo, m_model, {}, tr("Reset sphere layout"));
        m_model->resetLayout(); // and forget the previous arrangement
        m_view->fitToView();
    });

    auto sync = [this, state] {
        m_model->setRangeFrom(state->rangeFrom());
        m_model->setAsOf(state->asOf(), state->timeBasis());
    };
    connect(state, &ViewState::asOfChanged, this, sync);
    connect(state, &ViewState::rangeFromChanged, this, sync);
    connect(state, &ViewState::timeBasisChanged, this, sync);
    sync();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(bar);
    layout->addWidget(m_view, 1);
}

} // namespace EcoAtlas
