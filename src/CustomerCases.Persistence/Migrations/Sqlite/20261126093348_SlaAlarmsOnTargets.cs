using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerCases.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SlaAlarmsOnTargets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AlarmAt",
                table: "SlaTargets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "AlarmFraction",
                table: "SlaTargets",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "FiredFraction",
                table: "SlaTargets",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<long>(
                name: "LastFiredAt",
                table: "SlaTargets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_SlaTargets_AlarmAt",
                table: "SlaTargets",
                column: "AlarmAt");

            // Before the timer rows go: what fired and what is next become the targets' alarm columns.
            migrationBuilder.Sql(SlaAlarmsDataMigration.Sql);

            migrationBuilder.DropTable(
                name: "SlaTimers");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SlaTargets_AlarmAt",
                table: "SlaTargets");

            migrationBuilder.DropColumn(
                name: "AlarmAt",
                table: "SlaTargets");

            migrationBuilder.DropColumn(
                name: "AlarmFraction",
                table: "SlaTargets");

            migrationBuilder.DropColumn(
                name: "FiredFraction",
                table: "SlaTargets");

            migrationBuilder.DropColumn(
                name: "LastFiredAt",
                table: "SlaTargets");

            migrationBuilder.CreateTable(
                name: "SlaTimers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Cycle = table.Column<int>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FiredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Fraction = table.Column<double>(type: "REAL", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Metric = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlaTimers", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SlaTimers_CaseId_Metric_Cycle_Kind_Fraction",
                table: "SlaTimers",
                columns: new[] { "CaseId", "Metric", "Cycle", "Kind", "Fraction" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SlaTimers_FiredAt_DueAt",
                table: "SlaTimers",
                columns: new[] { "FiredAt", "DueAt" });
        }
    }
}
