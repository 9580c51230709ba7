/**
 * `@itsm/jira-cloud`: Jira Cloud platform REST v3 and Jira Service Management for the `@itsm` SDK.
 *
 * This release ships the building blocks every Jira integration needs: conversion between plain
 * text, Markdown and the Atlassian Document Format (ADF) that REST v3 uses for descriptions and
 * comments, and the {@link jql} tagged template that quotes every interpolated value so user input
 * can never change a query's structure. The native client and the connector follow.
 *
 * @packageDocumentation
 */
export * from './adf/index.js';
export * from './jql/index.js';
