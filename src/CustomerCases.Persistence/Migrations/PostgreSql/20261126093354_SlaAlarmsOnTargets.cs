using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerCases.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class SlaAlarmsOnTargets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AlarmAt",
                table: "SlaTargets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "AlarmFraction",
                table: "SlaTargets",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "FiredFraction",
                table: "SlaTargets",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastFiredAt",
                table: "SlaTargets",
                type: "timestamp with time zone",
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Cycle = table.Column<int>(type: "integer", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FiredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Fraction = table.Column<double>(type: "double precision", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Metric = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
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
