#!/usr/bin/env bash
# Adds a migration with the same name to the three sets (SQLite, SQL Server, PostgreSQL).
# Usage: Migrations/add-migration.sh <Name>
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: Migrations/add-migration.sh <Name>}"
dotnet tool restore >/dev/null
for provider in Sqlite SqlServer PostgreSql; do
  dotnet build "Migrations/$provider" -v q -nologo
  dotnet ef migrations add "$name" --project "Migrations/$provider" --startup-project "Migrations/$provider" --no-build
done
