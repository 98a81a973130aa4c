using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CustomerCases.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Triage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CaseTriage",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    ModelVersion = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Category = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CategoryConfidence = table.Column<double>(type: "double precision", nullable: false),
                    CategoryDecision = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CategoryTopJson = table.Column<string>(type: "text", nullable: false),
                    Priority = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    PriorityConfidence = table.Column<double>(type: "double precision", nullable: false),
                    PriorityDecision = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PriorityTopJson = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseTriage", x => x.CaseId);
                });

            migrationBuilder.CreateTable(
                name: "TriageLabels",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    Category = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Priority = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    LabelledBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TriageLabels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TriageModels",
                columns: table => new
                {
                    VersionId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Rows = table.Column<int>(type: "integer", nullable: false),
                    ReportJson = table.Column<string>(type: "text", nullable: false),
                    Package = table.Column<byte[]>(type: "bytea", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    ActivatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TriageModels", x => x.VersionId);
                });

            migrationBuilder.CreateTable(
                name: "TriageTrainingRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Trigger = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CandidateVersion = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Promoted = table.Column<bool>(type: "boolean", nullable: false),
                    DecisionJson = table.Column<string>(type: "text", nullable: true),
                    Error = table.Column<string>(type: "text", nullable: true),
                    DatasetCsv = table.Column<string>(type: "text", nullable: true),
                    LabelColumns = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TriageTrainingRuns", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TriageLabels_CaseId",
                table: "TriageLabels",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_TriageModels_IsActive",
                table: "TriageModels",
                column: "IsActive");

            migrationBuilder.CreateIndex(
                name: "IX_TriageTrainingRuns_StartedAt",
                table: "TriageTrainingRuns",
                column: "StartedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseTriage");

            migrationBuilder.DropTable(
                name: "TriageLabels");

            migrationBuilder.DropTable(
                name: "TriageModels");

            migrationBuilder.DropTable(
                name: "TriageTrainingRuns");
        }
    }
}
