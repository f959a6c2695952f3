// SPDX-License-Identifier: MIT
#include "TimelineExport.h"
