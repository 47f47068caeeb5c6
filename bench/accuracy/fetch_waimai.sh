#!/usr/bin/env bash
# Downloads waimai_10k (see fetch_reviews.sh, which holds the logic for every review corpus).
# Usage: bench/accuracy/fetch_waimai.sh [output folder]
exec "$(dirname "$0")/fetch_reviews.sh" waimai "$@"
