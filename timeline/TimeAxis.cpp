// SPDX-License-Identifier: MIT
#include "TimeAxis.h"
