// SPDX-License-Identifier: MIT
// Sample inputs for the sphere-layout tests and benchmark: the seed landscape's clouds and a
// generator of random landscapes.
#pragma once

#include "SphereLayout.h"

#include <random>
#include <set>

namespace EcoAtlas::SphereSamples {

/// Rough label size of `text` (px): 7 px per character, 14 px high, as a stand-in for font
/// metrics.
inline QSizeF labelFor(const QString &text, double height = 14.0)
{
    return QSizeF(7.0 * text.size() + 6.0, height);
}

/// The seed landscape's cloud vendors (owners 0–4) and the clients hosted by them, plus one
/// client hosted by none. Owner ids 1–5, client ids 101–107.
inline SphereInput seedLandscape()
{
    SphereInput in;
    const QStringList owners = {
            "Alibaba Cloud", "Tencent Cloud", "Volcano Engine", "Huawei Cloud", "Baidu AI Cloud"};
    for (int k = 0; k < owners.size(); ++k)
        in.owners.append({qint64(k + 1), labelFor(owners[k], 18.0), std::nullopt});
    enum { Alibaba, Tencent, Volcano, Huawei, Baidu };
    const auto client = [&](qint64 id, const QString &name, QList<int> of) {
        in.clients.append({id, of, 7.0, labelFor(name), 0.0});
    };
    client(101, "Baichuan", {Alibaba, Tencent});
    client(102, "Zhipu AI", {Alibaba, Tencent});
    client(103, "Kunlun Wanwei", {Alibaba, Tencent});
    client(104, "MiniMax", {Tencent, Volcano});
    client(105, "iFLYTEK", {Huawei});
    client(106, "01.AI", {Alibaba});
    client(107, "Moonshot AI", {});
    return in;
}

/// `owners` owners and `clients` clients, each client tied to 1–3 distinct random owners
/// (uniformly), with varied mark radii (5–8 px) and label widths (40–110 px), from `seed`.
/// Owner ids are 1..owners, client ids 1001...
inline SphereInput generated(int owners, int clients, unsigned seed)
{
    std::mt19937 rng(seed);
    const auto below = [&](int bound) {
        return int(rng() % unsigned(bound));
    };
    SphereInput in;
    in.seed = seed;
    for (int k = 0; k < owners; ++k)
        in.owners.append({qint64(k + 1), QSizeF(90.0 + below(41), 18.0), std::nullopt});
    for (int c = 0; c < clients; ++c) {
        const int count = 1 + below(std::min(3, owners));
        std::set<int> set;
        while (int(set.size()) < count)
            set.insert(below(owners));
        SphereInput::Client client;
        client.id = 1001 + c;
        client.owners = QList<int>(set.begin(), set.end());
        client.radius = 5.0 + below(4);
        client.labelSize = QSizeF(40.0 + below(71), 14.0);
        client.priority = below(100);
        in.clients.append(client);
    }
    return in;
}

} // namespace EcoAtlas::SphereSamples
