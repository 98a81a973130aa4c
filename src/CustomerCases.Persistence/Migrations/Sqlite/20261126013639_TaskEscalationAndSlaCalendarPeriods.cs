using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerCases.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TaskEscalationAndSlaCalendarPeriods : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OverdueQueue",
                table: "WorkQueues",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EscalatedFromQueue",
                table: "HumanTasks",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EscalationLevel",
                table: "HumanTasks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "OverdueAt",
                table: "HumanTasks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SlaCalendarPeriods",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<long>(type: "INTEGER", nullable: false),
                    CalendarId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CalendarVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlaCalendarPeriods", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HumanTasks_OverdueAt_DueAt",
                table: "HumanTasks",
                columns: new[] { "OverdueAt", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SlaCalendarPeriods_CaseId_From",
                table: "SlaCalendarPeriods",
                columns: new[] { "CaseId", "From" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SlaCalendarPeriods");

            migrationBuilder.DropIndex(
                name: "IX_HumanTasks_OverdueAt_DueAt",
                table: "HumanTasks");

            migrationBuilder.DropColumn(
                name: "OverdueQueue",
                table: "WorkQueues");

            migrationBuilder.DropColumn(
                name: "EscalatedFromQueue",
                table: "HumanTasks");

            migrationBuilder.DropColumn(
                name: "EscalationLevel",
                table: "HumanTasks");

            migrationBuilder.DropColumn(
                name: "OverdueAt",
                table: "HumanTasks");
        }
    }
}
